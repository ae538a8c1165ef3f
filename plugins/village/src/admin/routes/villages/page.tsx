import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState, type FormEvent } from "react"

type Village = { id: string; name: string; handle: string; area_code: string; status: "pending" | "active"; created_at: string }

async function adminFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    credentials: "include",
    headers: { "content-type": "application/json" },
    ...init,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`)
  return body as T
}

/** Operators approve villages that asked to open on Tianyuan and appoint their first secretary. */
const VillagesPage = () => {
  const [status, setStatus] = useState<"pending" | "active">("pending")
  const [villages, setVillages] = useState<Village[]>([])
  const [loading, setLoading] = useState(true)

  const load = useCallback(async () => {
    setLoading(true)
    try {
      const { villages } = await adminFetch<{ villages: Village[] }>(`/admin/villages?status=${status}`)
      setVillages(villages)
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setLoading(false)
    }
  }, [status])

  useEffect(() => {
    void load()
  }, [load])

  const approve = async (village: Village) => {
    try {
      await adminFetch(`/admin/villages/${village.id}/approve`, { method: "POST", body: "{}" })
      toast.success(`${village.name} is now public`)
      await load()
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const [appointment, setAppointment] = useState({ identifier: "", scope_id: "", role: "secretary" })
  const appoint = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await adminFetch("/admin/memberships", {
        method: "POST",
        body: JSON.stringify({ ...appointment, scope_type: "area" }),
      })
      toast.success(`Appointed ${appointment.identifier} as ${appointment.role} of ${appointment.scope_id}`)
      setAppointment({ identifier: "", scope_id: "", role: appointment.role })
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Villages 村</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Villages waiting for approval become public once approved.
            </Text>
          </div>
          <Select value={status} onValueChange={(value) => setStatus(value as "pending" | "active")}>
            <Select.Trigger className="w-40">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="pending">Pending</Select.Item>
              <Select.Item value="active">Active</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Village</Table.HeaderCell>
              <Table.HeaderCell>Area code</Table.HeaderCell>
              <Table.HeaderCell>Handle</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {villages.map((village) => (
              <Table.Row key={village.id}>
                <Table.Cell>{village.name}</Table.Cell>
                <Table.Cell>{village.area_code}</Table.Cell>
                <Table.Cell>{village.handle}</Table.Cell>
                <Table.Cell>
                  <Badge color={village.status === "active" ? "green" : "orange"}>{village.status}</Badge>
                </Table.Cell>
                <Table.Cell className="text-right">
                  {village.status === "pending" && (
                    <Button size="small" onClick={() => void approve(village)}>
                      Approve
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!loading && villages.length === 0 && (
          <Text className="px-6 py-4 text-ui-fg-subtle">No {status} villages.</Text>
        )}
      </Container>
      <Container className="px-6 py-4">
        <Heading level="h2">Appoint a secretary or official</Heading>
        <form onSubmit={(event) => void appoint(event)} className="mt-4 grid grid-cols-1 gap-3 md:grid-cols-4">
          <div>
            <Label htmlFor="appoint-identifier">Member's email or mobile</Label>
            <Input
              id="appoint-identifier"
              value={appointment.identifier}
              onChange={(event) => setAppointment({ ...appointment, identifier: event.target.value })}
              required
            />
          </div>
          <div>
            <Label htmlFor="appoint-scope">Area code (village, town, county…)</Label>
            <Input
              id="appoint-scope"
              value={appointment.scope_id}
              onChange={(event) => setAppointment({ ...appointment, scope_id: event.target.value })}
              required
            />
          </div>
          <div>
            <Label>Role</Label>
            <Select value={appointment.role} onValueChange={(role) => setAppointment({ ...appointment, role })}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="secretary">Secretary 村支书</Select.Item>
                <Select.Item value="committee">Committee 村委</Select.Item>
                <Select.Item value="finance_reviewer">Finance reviewer 理财小组</Select.Item>
                <Select.Item value="official">Official 乡镇/县干部</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div className="flex items-end">
            <Button type="submit">Appoint</Button>
          </div>
        </form>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Villages", icon: BuildingStorefront })

export default VillagesPage
