import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PAYOUT_MODULE } from "../../modules/payout"
import type { PayoutRunLine } from "../../modules/payout/models/payout-run"
import type PayoutModuleService from "../../modules/payout/service"

export type CreatePayoutRunInput = { period_start: Date; period_end: Date; created_by: string | null }

const createDraftRunStep = createStep(
  "tianyuan-create-draft-payout-run",
  async (input: CreatePayoutRunInput, { container }) => {
    const run = await container.resolve<PayoutModuleService>(PAYOUT_MODULE).createPayoutRuns({
      period_start: input.period_start,
      period_end: input.period_end,
      created_by: input.created_by,
    })
    return new StepResponse(run, run.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<PayoutModuleService>(PAYOUT_MODULE).deletePayoutRuns([id])
  }
)

const claimEntriesStep = createStep(
  "tianyuan-claim-payout-entries",
  async (input: { payout_run_id: string; period_start: Date; period_end: Date }, { container }) => {
    const claimed = await container.resolve<PayoutModuleService>(PAYOUT_MODULE).claimEntriesForRun(input)
    return new StepResponse(claimed, input.payout_run_id)
  },
  async (runId, { container }) => {
    if (runId) await container.resolve<PayoutModuleService>(PAYOUT_MODULE).releaseEntriesOfRun(runId)
  }
)

const describeRunStep = createStep(
  "tianyuan-describe-payout-run",
  async (input: { payout_run_id: string; claimed: { cooperative_id: string; amount_fen: number; entry_count: number }[] }, { container }) => {
    const payout = container.resolve<PayoutModuleService>(PAYOUT_MODULE)
    const ids = input.claimed.map((line) => line.cooperative_id)
    const [{ data: cooperatives }, accounts] = await Promise.all([
      container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "cooperative", fields: ["id", "name"], filters: { id: ids } }),
      payout.listPayoutAccounts({ cooperative_id: ids }, { take: null }),
    ])
    const names = new Map((cooperatives as { id: string; name: string }[]).map((c) => [c.id, c.name]))
    const stripeAccounts = new Map(accounts.map((account) => [account.cooperative_id, account.stripe_account_id]))
    const lines: PayoutRunLine[] = input.claimed.map((line) => ({
      ...line,
      cooperative_name: names.get(line.cooperative_id) ?? "",
      stripe_account_id: stripeAccounts.get(line.cooperative_id) ?? null,
      transfer_id: null,
      transfer_status: null,
    }))
    const run = await payout.updatePayoutRuns({
      id: input.payout_run_id,
      lines: { items: lines },
      total_fen: lines.reduce((sum, line) => sum + line.amount_fen, 0),
    })
    return new StepResponse(run)
  }
)

/**
 * A draft payout run for a period: every unpaid ledger entry of the period is claimed by the run,
 * cooperative by cooperative (one whose period does not add up to a positive amount keeps its
 * entries for a later run), with each cooperative's amount and payout account. Nothing is paid yet.
 */
export const createPayoutRunWorkflow = createWorkflow("tianyuan-create-payout-run", (input: CreatePayoutRunInput) => {
  const run = createDraftRunStep(input)
  const claimed = claimEntriesStep(
    transform({ input, run }, ({ input, run }) => ({ payout_run_id: run.id, period_start: input.period_start, period_end: input.period_end }))
  )
  const described = describeRunStep(transform({ run, claimed }, ({ run, claimed }) => ({ payout_run_id: run.id, claimed })))
  return new WorkflowResponse(described)
})
