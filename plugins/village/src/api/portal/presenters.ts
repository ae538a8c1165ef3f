/** The shapes the portal API answers with (docs/api/villages-and-members.md). */
export type MemberRecord = {
  id: string
  real_name: string
  login_identifier: string
  email: string | null
  phone: string | null
  verification_status: "unverified" | "verified" | "rejected"
}

export function presentMember(member: MemberRecord) {
  return {
    id: member.id,
    real_name: member.real_name,
    login_identifier: member.login_identifier,
    email: member.email,
    phone: member.phone,
    verification_status: member.verification_status,
  }
}

export type JoinRequestRecord = {
  id: string
  village_code: string
  message: string | null
  status: "pending" | "approved" | "declined"
  created_at: Date | string
  decided_at: Date | string | null
  member?: MemberRecord | null
}

export function presentJoinRequest(request: JoinRequestRecord, villageNames: Map<string, string>) {
  return {
    id: request.id,
    village_code: request.village_code,
    village_name: villageNames.get(request.village_code) ?? request.village_code,
    member: request.member
      ? { id: request.member.id, real_name: request.member.real_name, verification_status: request.member.verification_status }
      : null,
    message: request.message,
    status: request.status,
    created_at: request.created_at,
    decided_at: request.decided_at,
  }
}
