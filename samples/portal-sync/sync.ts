// A portal's feed sync written against the client generated from Kinerja's OpenAPI document (openapi-typescript +
// openapi-fetch). scripts/contract.sh generates ./generated/kinerja.ts and type-checks this file with `tsc --noEmit`: it must
// compile without a single cast, so the document has to type the feed's payloads, its integers and its problems.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/kinerja";

type FeedItem = components["schemas"]["FeedItem"];
type Problem = components["schemas"]["Problem"];

export interface Mirror {
  position: number;
  employees: Map<string, { employeeId: string; fullName: string; unitCode: string }>;
  units: Map<string, string>;
  finalPredikat: Map<string, string>;
}

export class SyncFailed extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title} (correlation id ${problem.correlationId})`);
  }
}

/** Reads the feed from the mirror's position until nothing more follows; returns how long to wait before the next round. */
export async function syncOnce(baseUrl: string, token: string, mirror: Mirror): Promise<number> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  for (;;) {
    const { data, error, response } = await client.GET("/api/v1/feed", {
      params: { query: { after: mirror.position, limit: 200 } },
    });
    if (error) {
      if (response.status === 429) {
        return Number(response.headers.get("Retry-After") ?? "1");
      }
      throw new SyncFailed(error);
    }
    for (const item of data.items) {
      apply(mirror, item);
    }
    mirror.position = data.lastPosition;
    if (!data.more) {
      return 30;
    }
  }
}

/** The feed's items are a union keyed by `type`: each case reads its own payload's fields. */
function apply(mirror: Mirror, item: FeedItem): void {
  switch (item.type) {
    case "employee.registered":
      mirror.employees.set(item.payload.nip, {
        employeeId: item.payload.employeeId,
        fullName: item.payload.fullName,
        unitCode: item.payload.unitCode,
      });
      break;
    case "employee.transferred": {
      const known = mirror.employees.get(item.payload.nip);
      if (known) {
        known.unitCode = item.payload.unitCode;
      }
      break;
    }
    case "employee.nip-corrected": {
      const known = mirror.employees.get(item.payload.previousNip);
      if (known) {
        mirror.employees.delete(item.payload.previousNip);
        mirror.employees.set(item.payload.nip, known);
      }
      break;
    }
    case "unit.registered":
      mirror.units.set(item.payload.code, item.payload.name);
      break;
    case "appraisal.evaluation-finalised":
      mirror.finalPredikat.set(`${item.payload.cycleId}/${item.payload.nip}`, item.payload.predikat);
      break;
    default:
      break;
  }
}

/** An employee's profile, to fill in what the feed does not carry; a refusal is the typed problem with its code. */
export async function employee(baseUrl: string, token: string, nip: string): Promise<string> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const { data, error } = await client.GET("/api/v1/employees/{nip}", { params: { path: { nip } } });
  if (error) {
    throw new SyncFailed(error);
  }
  return data.fullName;
}
