import { Module } from "@medusajs/framework/utils"
import VillageModuleService from "./service"

export const VILLAGE_MODULE = "village"

export default Module(VILLAGE_MODULE, { service: VillageModuleService })
export type { default as VillageModuleService } from "./service"
