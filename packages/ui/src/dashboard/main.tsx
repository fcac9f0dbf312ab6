import '../shared/styles.css';
import './dashboard.css';
import { createRoot } from 'react-dom/client';
import { dashboardStrings } from '../strings.js';
import { DashboardApp } from './app.js';

document.title = dashboardStrings.title;
const root = document.getElementById('root');
if (root) createRoot(root).render(<DashboardApp />);
