// The marketplace's cooperative and produce answers (docs/api/produce.md) as the portal's pages use
// them. No zod here: these types travel to the browser; the answers are checked in cooperative-api.server.ts.
import type { StoredPhoto } from "@tianyuan/web-common/photos.ts";

export type { Produce, ProduceVariant } from "@tianyuan/web-common/produce.ts";

/** How the member stands in the cooperative: a manager handles all produce, an agent lists for farmers. */
export const actingRoles = ["coop_manager", "agent", "farmer"] as const;
export type ActingAs = (typeof actingRoles)[number];

export type Farmer = { id: string; real_name: string };

export type PortalCooperative = {
  id: string;
  name: string;
  handle: string | null;
  /** "pending" | "active" | "suspended": only an active cooperative may list produce. */
  status: string;
};

/** `GET /portal/cooperatives/:id`. */
export type CooperativeStanding = {
  cooperative: PortalCooperative;
  acting_as: ActingAs;
  farmers: Farmer[];
};

/** `POST /portal/media/photos`: each photo stored, with its variants and placeholder. */
export type UploadedPhoto = StoredPhoto;

/** A photo already stored for a form that failed, kept so the member need not upload it again. */
export type KeptPhoto = { id: string; previewUrl: string | null };

/** `GET /store/certificates/:id`, as the printed certificate shows it. */
export type Certificate = {
  id: string;
  product_name: string;
  quantity: string;
  producer_name: string;
  /** The area names from province to village ("陕西省 延安市 洛川县 …"), or the area code if unnamed. */
  origin: string;
  contact: string;
  issued_on: string;
  commitment: string;
};
