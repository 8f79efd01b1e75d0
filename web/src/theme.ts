// Light or dark, following the system until the user picks one (remembered).
import { ref, watchEffect } from 'vue'

type Theme = 'light' | 'dark'
const storageKey = 'vka.theme'
const saved = localStorage.getItem(storageKey)
const system: Theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'

export const theme = ref<Theme>(saved === 'dark' || saved === 'light' ? saved : system)

watchEffect(() => {
  document.documentElement.dataset.theme = theme.value
})

export function toggleTheme() {
  theme.value = theme.value === 'dark' ? 'light' : 'dark'
  localStorage.setItem(storageKey, theme.value)
}
