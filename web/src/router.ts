import { createRouter, createWebHistory } from 'vue-router'
import { setUnauthorizedHandler } from './api/client'
import { currentUser, forgetSession, loadSession } from './session'
import LoginPage from './pages/LoginPage.vue'
import TasksPage from './pages/TasksPage.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: LoginPage, meta: { public: true } },
    { path: '/password', component: () => import('./pages/PasswordPage.vue') },
    { path: '/', component: TasksPage },
    { path: '/tasks/new', component: () => import('./pages/NewTaskPage.vue') },
    { path: '/tasks/:id', component: () => import('./pages/TaskPage.vue'), props: true },
    { path: '/tasks/:id/comments', component: () => import('./pages/CommentsPage.vue'), props: true },
    { path: '/tasks/:id/analytics', component: () => import('./pages/AnalyticsPage.vue'), props: true },
    { path: '/settings', redirect: '/settings/vk-tokens' },
    { path: '/settings/:section', component: () => import('./pages/SettingsPage.vue'), props: true },
    { path: '/:rest(.*)*', component: () => import('./pages/NotFoundPage.vue') },
  ],
})

let sessionChecked = false

// Pages other than sign-in need a session; a pending password change comes before anything else.
router.beforeEach(async (to) => {
  if (!sessionChecked) {
    await loadSession()
    sessionChecked = true
  }
  const user = currentUser.value
  if (to.meta.public) return true
  if (!user) return { path: '/login', query: { next: to.fullPath } }
  if (user.must_change_password && to.path !== '/password') return { path: '/password', query: { next: to.fullPath } }
  return true
})

// An expired session sends the user to sign in, and then back to where they were.
setUnauthorizedHandler(() => {
  forgetSession()
  const here = router.currentRoute.value
  if (!here.meta.public) void router.push({ path: '/login', query: { next: here.fullPath } })
})
