export * from "./process-photos"
export * from "./steps/find-photos-to-attach"
