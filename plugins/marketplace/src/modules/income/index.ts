import { Module } from "@medusajs/framework/utils"
import IncomeModuleService from "./service"

export const INCOME_MODULE = "income"

export default Module(INCOME_MODULE, { service: IncomeModuleService })
export type { default as IncomeModuleService } from "./service"
export type { IncomeFactInput, IncomeScope, IncomeSlice, IncomeSums, IncomeCounts, SyncOutcome } from "./service"
