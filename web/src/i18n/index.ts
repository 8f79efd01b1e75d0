// Every visible string goes through t(); Russian by default, English by the switch (remembered).
import { ref, watchEffect } from 'vue'
import { en } from './en'
import { ru, type Messages } from './ru'

export type Locale = 'ru' | 'en'
const catalogs: Record<Locale, Messages> = { ru, en }
const storageKey = 'vka.locale'

function initial(): Locale {
  const saved = localStorage.getItem(storageKey)
  return saved === 'en' || saved === 'ru' ? saved : 'ru'
}

export const locale = ref<Locale>(initial())

watchEffect(() => {
  localStorage.setItem(storageKey, locale.value)
  document.documentElement.lang = locale.value
  document.title = catalogs[locale.value]['app.title']
})

export type MessageKey = keyof Messages

// t('time.minutes', { n: 3 }) fills {n}; plural forms are "one|few|many" in Russian, "one|many" in English.
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  let text: string = catalogs[locale.value][key] ?? key
  if (typeof params.n === 'number' && text.includes('|')) text = pluralForm(text.split('|'), params.n)
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}

function pluralForm(forms: string[], n: number): string {
  const rule = new Intl.PluralRules(locale.value).select(n)
  if (locale.value === 'ru') return forms[rule === 'one' ? 0 : rule === 'few' ? 1 : 2] ?? forms[0]
  return forms[rule === 'one' ? 0 : 1] ?? forms[0]
}

// Has the catalog a message for this key (error codes from the server, for instance)?
export function has(key: string): key is MessageKey {
  return key in catalogs[locale.value]
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(locale.value).format(n)
}
