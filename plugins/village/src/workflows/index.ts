export * from "./register-member"
export * from "./approve-join-request"
