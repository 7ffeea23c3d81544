// Vite's client types: `import styles from './X.module.css'` gives a map from class name to scoped name.
/// <reference types="vite/client" />
