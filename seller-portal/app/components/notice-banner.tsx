import { useTranslation } from "react-i18next";

import type { Notice } from "../lib/notice";
import { useRoleName } from "./role-names";

/** The one-time message an action left for this page ("已提交，等待村支书审批。"). */
export function NoticeBanner({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation();
  const roleName = useRoleName();
  if (!notice) return null;

  let text: string;
  switch (notice.key) {
    case "joinRequestApproved":
    case "joinRequestDeclined":
    case "verificationSaved":
      text = t(`notices.${notice.key}`, { name: notice.name });
      break;
    case "produceListed":
    case "produceSaved":
    case "produceArchived":
      text = t(`notices.${notice.key}`, { title: notice.title });
      break;
    case "orderActionDone":
      text = t(`orderNotices.${notice.action}`, { number: notice.number, amount: notice.amount ?? "" });
      break;
    case "pickupPointAdded":
    case "pickupPointSaved":
    case "pickupPointRemoved":
      text = t(`orderNotices.${notice.key}`, { name: notice.name });
      break;
    case "deliveryRateSaved":
    case "deliveryRateRemoved":
      text = t(`orderNotices.${notice.key}`, { province: notice.province });
      break;
    case "membershipRevoked":
      text = t("notices.membershipRevoked", { name: notice.name, role: roleName(notice.role) });
      break;
    default:
      text = t(`notices.${notice.key}`);
  }
  return (
    <p className="notice-banner" role="status">
      {text}
    </p>
  );
}
