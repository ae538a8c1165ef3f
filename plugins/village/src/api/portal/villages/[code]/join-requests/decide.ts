import type { MedusaRequest } from "@medusajs/framework/http"
import { PortalError } from "../../../../../lib/portal-errors"
import { VILLAGE_MODULE } from "../../../../../modules/village"
import type VillageModuleService from "../../../../../modules/village/service"

/** The pending request :id of village :code; one of another village answers 404 like an unknown one. */
export async function pendingRequestOfVillage(req: MedusaRequest) {
  const villageModule = req.scope.resolve<VillageModuleService>(VILLAGE_MODULE)
  const [request] = await villageModule.listJoinRequests(
    { id: req.params.id, village_code: req.params.code },
    { relations: ["member"] }
  )
  if (!request) throw new PortalError("join_request_not_found")
  if (request.status !== "pending") throw new PortalError("request_decided")
  return request
}
