/** The only Chart.js parts the deck uses, registered explicitly (no `chart.js/auto`). */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Tooltip,
} from 'chart.js';
import { valueLabels } from './value-labels.ts';

Chart.register(
  BarController,
  LineController,
  DoughnutController,
  PieController,
  BarElement,
  LineElement,
  PointElement,
  ArcElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  valueLabels,
);

export { Chart };
