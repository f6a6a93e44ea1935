/**
 * The To call back tab against a fake service: the open count on the tab (read with its name),
 * each task's customer, when and how often they called, the reply and permission in words, who
 * claimed it; Claim, Release, Done and Reopen asked of the core; Call back opening the call-back
 * panel; the closed tasks folded away; the empty state's next step; a refusal shown; Spanish.
 */
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { CallBackTask } from '../../../src/shared/call-back-tasks'
import { ServiceError } from '../../../src/shared/api'
import { useAppFixture, mountApp } from '../support/app-fixture'
import { accessibleName, button, hasButton } from '../support/dom'

const app = useAppFixture()
const NOW = Date.now()

function task(extra: Partial<CallBackTask> & Pick<CallBackTask, 'psid'>): CallBackTask {
  return {
    name: null,
    firstMissedAt: NOW - 3_600_000,
    lastMissedAt: NOW - 60_000,
    missedCount: 1,
    lastReason: 'rang-out',
    reply: null,
    permission: 'unknown',
    state: 'open',
    ...extra
  }
}

const ADA = task({
  psid: 'ada',
  name: 'Ada Lovelace',
  missedCount: 3,
  reply: { state: 'sent', at: NOW, extra: 'permission-request' },
  permission: 'allowed',
  claim: { desk: 'seat:Front desk', deskName: 'Front desk', at: NOW, mine: false }
})
const GRACE = task({
  psid: 'grace',
  name: 'Grace Hopper',
  reply: { state: 'refused', at: NOW, words: 'outsideWindow', graphCode: 10 }
})
const ALAN = task({
  psid: 'alan',
  name: 'Alan Turing',
  state: 'closed',
  closed: { how: 'by-hand', at: NOW, deskName: 'Back office' }
})

/** What a screen reader reads for an element: its text without the parts hidden from it. */
function spoken(element: Element): string {
  const copy = element.cloneNode(true) as Element
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove()
  return accessibleName(copy)
}

const tab = (wrapper: Awaited<ReturnType<typeof mountApp>>) =>
  wrapper.findAll('.app__nav-item').find((item) => item.text().startsWith('To call back'))!

async function openTasks() {
  const wrapper = await mountApp()
  await tab(wrapper).trigger('click')
  await flushPromises()
  return wrapper
}

describe('the To call back tab', () => {
  it('shows the open count in the tab, read with its name', async () => {
    app.service.tasks = [ADA, GRACE, ALAN]
    const wrapper = await mountApp()
    expect(spoken(tab(wrapper).element)).toBe('To call back 2 open')
    app.service.emit('callBackTasks', { tasks: [GRACE, ALAN] })
    await flushPromises()
    expect(spoken(tab(wrapper).element)).toBe('To call back 1 open')
    app.service.emit('callBackTasks', { tasks: [ALAN] })
    await flushPromises()
    expect(spoken(tab(wrapper).element)).toBe('To call back')
  })

  it('lists each customer with when, how often, the reply, the permission and the claim', async () => {
    app.service.tasks = [ADA, GRACE, ALAN]
    const wrapper = await openTasks()
    const list = wrapper.get('[aria-label="Customers to call back"]')
    const items = list.findAll('li')
    expect(items.map((item) => item.attributes('data-psid'))).toEqual(['ada', 'grace'])
    const ada = items[0]!.text()
    expect(ada).toContain('Ada Lovelace')
    expect(ada).toMatch(/Today \d/)
    expect(ada).toContain('Called 3 times')
    expect(ada).toContain('Reply sent, asking to call them back')
    expect(ada).toContain('Allows a call back')
    expect(ada).toContain('Front desk is calling back')
    // Another desk holds it: no Claim or Release here, Done and Call back still are.
    expect(hasButton(items[0]!, 'Claim Ada Lovelace')).toBe(false)
    expect(hasButton(items[0]!, 'Release Ada Lovelace')).toBe(false)
    const grace = items[1]!.text()
    expect(grace).toContain('Called once')
    expect(grace).toContain(
      'Reply refused by Facebook: the customer has not written to your Page in the last 24 hours'
    )
    expect(grace).toContain('Has not allowed a call back')
    expect(items[0]!.find('.avatar').exists()).toBe(true)

    // The closed task waits, folded away, to be reopened.
    const closed = wrapper.get('details.tasks__closed')
    expect(closed.get('summary').text()).toBe('Done (1)')
    expect(closed.text()).toContain('Marked done by Back office')
    await button(closed, 'Reopen Alan Turing').trigger('click')
    expect(app.service.requests('reopenCallBackTask')).toEqual([{ psid: 'alan' }])
  })

  it('claims, releases and closes through the core, and shows a refusal', async () => {
    app.service.tasks = [GRACE]
    const wrapper = await openTasks()
    await button(wrapper, 'Claim Grace Hopper').trigger('click')
    await flushPromises()
    expect(app.service.requests('claimCallBackTask')).toEqual([{ psid: 'grace' }])

    const mine = { ...GRACE, claim: { desk: 'owner', deskName: 'Hub', at: NOW, mine: true } }
    app.service.emit('callBackTasks', { tasks: [mine] })
    await flushPromises()
    expect(wrapper.text()).toContain('This desk is calling back')
    await button(wrapper, 'Release Grace Hopper').trigger('click')
    await button(wrapper, 'Mark Grace Hopper done').trigger('click')
    await flushPromises()
    expect(app.service.requests('releaseCallBackTask')).toEqual([{ psid: 'grace' }])
    expect(app.service.requests('closeCallBackTask')).toEqual([{ psid: 'grace' }])

    app.service.fail(
      'claimCallBackTask',
      new ServiceError('conflict', 'Back office is already calling back.')
    )
    app.service.emit('callBackTasks', { tasks: [GRACE] })
    await flushPromises()
    await button(wrapper, 'Claim Grace Hopper').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Back office is already calling back.')
  })

  it('calls back through the call-back panel', async () => {
    app.service.tasks = [GRACE]
    const wrapper = await openTasks()
    await button(wrapper, 'Call back Grace Hopper').trigger('click')
    await flushPromises()
    expect(app.service.requests('checkCallPermission')).toEqual([{ psid: 'grace' }])
    expect(wrapper.find('[role="dialog"]').exists()).toBe(true)
  })

  it('says nobody is waiting, and offers the history', async () => {
    app.service.tasks = [ALAN]
    const wrapper = await openTasks()
    expect(wrapper.text()).toContain(
      'Nobody is waiting for a call back: every missed call will show up here.'
    )
    await button(wrapper, 'Open the call history').trigger('click')
    await flushPromises()
    expect(wrapper.find('[aria-label="History"]').exists()).toBe(true)
  })

  it('says where an unreadable saved list was kept', async () => {
    app.service.respond('listCallBackTasks', () => ({
      tasks: [],
      setAside: '/data/call-back-tasks.unreadable-2026-12-01T09-00-00Z.json'
    }))
    const wrapper = await openTasks()
    expect(wrapper.get('[role="note"]').text()).toBe(
      'The saved list could not be read. It was kept as call-back-tasks.unreadable-2026-12-01T09-00-00Z.json, and the list started again.'
    )
  })

  it('speaks Spanish', async () => {
    app.service.settings = {
      ...app.service.settings,
      desk: { ...app.service.settings.desk, language: 'es' }
    }
    app.service.tasks = [ADA, GRACE, ALAN]
    const wrapper = await mountApp()
    const spanishTab = wrapper
      .findAll('.app__nav-item')
      .find((item) => item.text().startsWith('Por devolver'))!
    expect(spoken(spanishTab.element)).toBe('Por devolver 2 pendientes')
    await spanishTab.trigger('click')
    await flushPromises()
    const text = wrapper.get('[aria-label="Clientes a los que devolver la llamada"]').text()
    expect(text).toContain('Llamó 3 veces')
    expect(text).toContain('Permite que le devuelvan la llamada')
    expect(text).toContain('Front desk devuelve la llamada')
    expect(hasButton(wrapper, 'Marcar Grace Hopper como hecho')).toBe(true)
    expect(wrapper.get('summary').text()).toBe('Hechos (1)')
  })
})
