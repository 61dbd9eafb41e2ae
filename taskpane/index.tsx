// Minimal task pane so the add-in builds and loads; the task-pane engineer replaces this file.
import { createRoot } from "react-dom/client";

const container = document.getElementById("root");
if (container) createRoot(container).render(<h1>JX 绩效自评表评分</h1>);
