/// <reference types="vite/client" />

/** chart.js's UMD bundle as text (an alias in vite.config.ts: the package does not export that file). */
declare module 'chartjs-umd-source?raw' {
  const text: string;
  export default text;
}
