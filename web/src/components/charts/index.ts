export { ColumnChart, HorizontalBars, LineChart, niceMax, type Datum } from './Charts.tsx';
