import { createBackground } from '@/lib/background/main';
import { createMenus } from '@/lib/background/context-menu';
import { db } from '@/lib/store/db';
import { watchSettings } from '@/lib/core/settings';

export default defineBackground(() => {
  const bg = createBackground({ db: db() });

  // Listeners are registered synchronously so that events which woke the worker are delivered.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createMenus();
    if (reason === 'install') void bg.refresh('install');
  });
  browser.contextMenus.onClicked.addListener((info) => void bg.onMenu(info));
  browser.commands.onCommand.addListener((command, tab) => void bg.onCommand(command, tab));
  browser.notifications?.onClicked.addListener(
    () => void browser.tabs.create({ url: browser.runtime.getURL('/newtab.html') }),
  );
  watchSettings((s) => void bg.onSettings(s));
  browser.storage.onChanged.addListener((changes, area) => void bg.onStorageChanged(changes, area));
  browser.runtime.onStartup.addListener(() => void bg.refresh('startup'));
  browser.alarms.onAlarm.addListener((alarm) => void bg.onAlarm(alarm));
  browser.runtime.onMessage.addListener((message, sender) => bg.onMessage(message, sender));

  void bg.start();
});
