/** Ports and URLs of the system the end-to-end tests start; apart from `npm start`'s 9000/8000/8001. */
export const E2E_PORTS = {
  backend: Number(process.env.E2E_BACKEND_PORT ?? 9100),
  storefront: Number(process.env.E2E_STOREFRONT_PORT ?? 8100),
  sellerPortal: Number(process.env.E2E_SELLER_PORTAL_PORT ?? 8101),
  postgres: Number(process.env.E2E_POSTGRES_PORT ?? 54349),
}

export const E2E_URLS = {
  backend: `http://localhost:${E2E_PORTS.backend}`,
  storefront: `http://localhost:${E2E_PORTS.storefront}`,
  sellerPortal: `http://localhost:${E2E_PORTS.sellerPortal}`,
}
