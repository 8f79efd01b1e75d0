// The comment filters the explorer keeps in its URL, and how they become API query parameters.
import type { LocationQuery } from 'vue-router'

export const filterNames = ['group_id', 'post_id', 'author_id', 'sentiment', 'q', 'since', 'until', 'sort'] as const
export type FilterName = (typeof filterNames)[number]
export type Filters = Partial<Record<FilterName, string>>

export function filtersFrom(query: LocationQuery): Filters {
  const filters: Filters = {}
  for (const name of filterNames) {
    const value = query[name]
    if (typeof value === 'string' && value !== '') filters[name] = value
  }
  return filters
}

// Dates in the URL are days; the API takes RFC 3339 times (whole days in UTC).
export function apiFilters(filters: Filters): Record<string, string> {
  const out: Record<string, string> = { ...filters } as Record<string, string>
  if (filters.since) out.since = `${filters.since}T00:00:00Z`
  if (filters.until) out.until = `${filters.until}T23:59:59Z`
  return out
}

export function commentUrl(c: { owner_id: number; post_id: number; id: number; thread_root_id: number | null }) {
  const thread = c.thread_root_id ? `&thread=${c.thread_root_id}` : ''
  return `https://vk.com/wall${c.owner_id}_${c.post_id}?reply=${c.id}${thread}`
}

export function authorUrl(fromId: number) {
  return fromId > 0 ? `https://vk.com/id${fromId}` : `https://vk.com/club${-fromId}`
}
