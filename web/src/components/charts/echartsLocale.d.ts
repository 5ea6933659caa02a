// ECharts ships its locale objects as plain JavaScript without types; they have the shape of its own.
declare module "echarts/i18n/langDE-obj.js" {
  const locale: Parameters<typeof import("echarts/core").registerLocale>[1];
  export default locale;
}
