import '../shared/styles.css';
import { createRoot } from 'react-dom/client';
import { strings } from '../strings.js';
import { ConnectApp } from './app.js';

document.title = strings.pageTitle;
const root = document.getElementById('root');
if (root) createRoot(root).render(<ConnectApp />);
