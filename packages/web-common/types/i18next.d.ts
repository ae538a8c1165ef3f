// Only for this package's own typecheck: the shared components may use the shared keys. Each app
// declares its full bundle instead (which includes these), and never includes this file.
import type { ShellTranslation } from "../src/shared-translations.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: ShellTranslation };
  }
}
