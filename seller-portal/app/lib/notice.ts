import type { MemberRole } from "./portal-members";

/**
 * A one-time message for the next page ("已提交，等待村支书审批。"), kept in the session until shown.
 * Each kind carries exactly what its text needs.
 */
export type Notice =
  | { key: "registered" | "passwordReset" | "profileSaved" | "joinRequested" | "certificateIssued" }
  | { key: "produceListed" | "produceArchived"; title: string }
  /** Shown in the saved produce's own row, which the page scrolls to. */
  | { key: "produceSaved"; title: string; productId: string }
  | { key: "joinRequestApproved" | "joinRequestDeclined" | "verificationSaved"; name: string }
  | { key: "membershipRevoked"; name: string; role: MemberRole }
  /** A manager's action on an order; `amount` is the refund, already formatted. */
  | { key: "orderActionDone"; action: OrderNoticeKey; number: number; amount?: string }
  | { key: "pickupPointAdded" | "pickupPointSaved" | "pickupPointRemoved"; name: string }
  | { key: "deliveryRateSaved" | "deliveryRateRemoved"; province: string };

/** The order notices' keys (`orderNotices.*`), camel-cased for i18next. */
export type OrderNoticeKey = "pack" | "ship" | "readyForPickup" | "pickedUp" | "delivered" | "cancel" | "refund";
