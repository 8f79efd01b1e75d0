// A cursor-paged list of the API, a page at a time ("more" appends the next one).
import { ref } from 'vue'
import { ApiError, get } from './client'
import { t } from '../i18n'

export function usePagedList<T>(path: string, query: () => Record<string, string> = () => ({})) {
  const items = ref<T[]>([])
  const next = ref<string | null>(null)
  const failure = ref('')
  const loading = ref(false)
  async function load(more = false) {
    loading.value = true
    failure.value = ''
    try {
      const page = await get<T[]>(path, { ...query(), cursor: more ? next.value : null })
      items.value = more ? [...(items.value as T[]), ...page.data] : page.data
      next.value = page.meta.next_cursor ?? null
    } catch (error) {
      failure.value = error instanceof ApiError ? error.message : t('error.generic')
    } finally {
      loading.value = false
    }
  }
  return { items, next, failure, loading, load }
}
