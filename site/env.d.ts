// Vite bundles the stylesheet imported by main.ts into its own file (listed in the manifest).
declare module "*.css";
