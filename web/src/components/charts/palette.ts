// Colours of the charts, from the Okabe–Ito palette (told apart with every common colour vision
// deficiency); bars also carry patterns (ECharts' decals) and lines differ in dash and symbol, so no
// series is told apart by colour alone (WCAG 1.4.1).
export const MOOD_COLOURS = { negative: "#D55E00", neutral: "#8C8C8C", positive: "#0072B2" } as const;
export const LINE_STYLES = [
  { color: "#0072B2", type: "solid", symbol: "circle" },
  { color: "#D55E00", type: "dashed", symbol: "triangle" },
  { color: "#009E73", type: "dotted", symbol: "rect" },
] as const;
