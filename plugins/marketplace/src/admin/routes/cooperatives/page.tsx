import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Select, Table, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"

type Status = "pending" | "active" | "suspended"
type Cooperative = { id: string; name: string; handle: string; village_code: string; status: Status }

/** Operators approve cooperatives before they sell, and suspend them when needed. */
const CooperativesPage = () => {
  const [status, setStatus] = useState<Status>("pending")
  const [cooperatives, setCooperatives] = useState<Cooperative[]>([])

  const load = useCallback(async () => {
    const response = await fetch(`/admin/cooperatives?status=${status}`, { credentials: "include" })
    const body = await response.json()
    if (!response.ok) return toast.error(body.message ?? `HTTP ${response.status}`)
    setCooperatives(body.cooperatives)
  }, [status])

  useEffect(() => {
    void load()
  }, [load])

  const setCooperativeStatus = async (cooperative: Cooperative, next: "active" | "suspended") => {
    const response = await fetch(`/admin/cooperatives/${cooperative.id}/status`, {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: next }),
    })
    const body = await response.json()
    if (!response.ok) return toast.error(body.message ?? `HTTP ${response.status}`)
    toast.success(`${cooperative.name}: ${next}`)
    await load()
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">Cooperatives 合作社</Heading>
        <Select value={status} onValueChange={(value) => setStatus(value as Status)}>
          <Select.Trigger className="w-40">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="pending">Pending</Select.Item>
            <Select.Item value="active">Active</Select.Item>
            <Select.Item value="suspended">Suspended</Select.Item>
          </Select.Content>
        </Select>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Cooperative</Table.HeaderCell>
            <Table.HeaderCell>Village code</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {cooperatives.map((cooperative) => (
            <Table.Row key={cooperative.id}>
              <Table.Cell>{cooperative.name}</Table.Cell>
              <Table.Cell>{cooperative.village_code}</Table.Cell>
              <Table.Cell>
                <Badge color={cooperative.status === "active" ? "green" : cooperative.status === "pending" ? "orange" : "red"}>
                  {cooperative.status}
                </Badge>
              </Table.Cell>
              <Table.Cell className="text-right">
                {cooperative.status !== "active" && (
                  <Button size="small" onClick={() => void setCooperativeStatus(cooperative, "active")}>
                    Approve
                  </Button>
                )}
                {cooperative.status === "active" && (
                  <Button size="small" variant="danger" onClick={() => void setCooperativeStatus(cooperative, "suspended")}>
                    Suspend
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {cooperatives.length === 0 && <Text className="px-6 py-4 text-ui-fg-subtle">No {status} cooperatives.</Text>}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Cooperatives", icon: Users })

export default CooperativesPage
