// The field app's entry: the screen, and the service worker that keeps the app and sends the outbox.
import { render } from 'preact';
import { App } from './screens/app';
import './screens/styles.css';

render(<App />, document.getElementById('app')!);

if ('serviceWorker' in navigator && !import.meta.env.DEV) {
  void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
}
