import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { setupI18n } from "./i18n";
import "./styles/base.css";
import "./styles/loading.css";
import "./styles/dateFields.css";
import "./styles/touch.css";
import "./styles/publishing.css";
import "./styles/inbox.css";
import "./styles/reports.css";
import "./styles/overview.css";
import "./styles/knowledge.css";
import "./styles/print.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing in index.html");
await setupI18n();
// The installable app's worker: draht's offline page when the connection is gone (web/public/service-worker.js).
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/service-worker.js").catch(() => undefined);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
