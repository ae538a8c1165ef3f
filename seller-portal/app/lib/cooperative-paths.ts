// Where the cooperative screens live, in one place for links, redirects and forms.

const segment = encodeURIComponent;

/** "My produce": the cooperative's produce list. */
export const cooperativePath = (cooperativeId: string) => `/cooperatives/${segment(cooperativeId)}`;

export const newProducePath = (cooperativeId: string) => `${cooperativePath(cooperativeId)}/produce/new`;

/** The resource route the listing form's script uploads each photo to. */
export const photoUploadPath = (cooperativeId: string) => `${cooperativePath(cooperativeId)}/photos`;

export const certificatesPath = (cooperativeId: string, productId: string) =>
  `${cooperativePath(cooperativeId)}/produce/${segment(productId)}/certificate`;

export const certificatePath = (cooperativeId: string, productId: string, certificateId: string) =>
  `${certificatesPath(cooperativeId, productId)}/${segment(certificateId)}`;

/** The cooperative's orders; `search` keeps the list's filters ("?status=placed&page=2"). */
export const ordersPath = (cooperativeId: string, search = "") => `${cooperativePath(cooperativeId)}/orders${search}`;

export const orderPath = (cooperativeId: string, orderId: string) =>
  `${ordersPath(cooperativeId)}/${segment(orderId)}`;

export const packingListPath = (cooperativeId: string, search = "") =>
  `${cooperativePath(cooperativeId)}/packing-list${search}`;

export const payoutsPath = (cooperativeId: string, search = "") => `${cooperativePath(cooperativeId)}/payouts${search}`;

/** Pickup points and delivery fees. */
export const shippingPath = (cooperativeId: string) => `${cooperativePath(cooperativeId)}/shipping`;
