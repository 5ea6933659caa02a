import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { setupI18n } from "./i18n";
import "./styles/base.css";
import "./styles/publishing.css";
import "./styles/inbox.css";
import "./styles/reports.css";
import "./styles/overview.css";
import "./styles/knowledge.css";
import "./styles/print.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing in index.html");
await setupI18n();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
