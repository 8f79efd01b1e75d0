// A form's submission: the server's field problems (shown beside the fields) and its message.
import { ref } from 'vue'
import { ApiError } from './client'
import { t } from '../i18n'

export function useSubmit(work: () => Promise<void>, describe = (error: ApiError) => error.fieldProblems()) {
  const problems = ref<Record<string, string[]>>({})
  const failure = ref('')
  const busy = ref(false)
  async function submit() {
    busy.value = true
    problems.value = {}
    failure.value = ''
    try {
      await work()
    } catch (error) {
      if (!(error instanceof ApiError)) failure.value = t('error.generic')
      else {
        problems.value = describe(error)
        failure.value = error.message
      }
    } finally {
      busy.value = false
    }
  }
  return { problems, failure, busy, submit }
}
