import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { parseLoginIdentifier } from "../lib/login-identifier"

type PasswordResetEvent = { entity_id: string; actor_type: string; token: string }

/**
 * Sends a member their reset code by email or SMS, whichever they log in with. Without a messaging
 * provider configured, Medusa's local provider logs it and the notification stays in the database.
 */
export default async function sendMemberPasswordReset({ event, container }: SubscriberArgs<PasswordResetEvent>) {
  if (event.data.actor_type !== "member") return
  const identifier = parseLoginIdentifier(event.data.entity_id)
  if (!identifier) return
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: identifier.value,
    channel: identifier.kind === "email" ? "email" : "sms",
    template: "member-password-reset",
    data: { token: event.data.token, identifier: identifier.value },
  })
}

export const config: SubscriberConfig = { event: "auth.password_reset" }
