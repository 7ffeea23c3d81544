/**
 * The Borgdesk mark (the app icon's shield on a teal tile), drawn inline so it needs no request.
 */

/** Props of {@link BrandMark}. */
export interface BrandMarkProps {
  readonly size?: number;
}

/** The app's logo mark; decorative. */
export function BrandMark({ size = 28 }: BrandMarkProps) {
  return (
    <svg viewBox="0 0 512 512" width={size} height={size} aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="brand-mark-fill" x1="0" y1="24" x2="0" y2="488" gradientUnits="userSpaceOnUse">
          <stop offset="0" stopColor="#14b8a6" />
          <stop offset="1" stopColor="#0f766e" />
        </linearGradient>
      </defs>
      <rect x="24" y="24" width="464" height="464" rx="104" fill="url(#brand-mark-fill)" />
      <path
        d="M256 97 L378 142 L378 234 C378 314 326 366 256 394 C186 366 134 314 134 234 L134 142 Z"
        fill="#fff"
      />
      <rect x="180" y="190" width="152" height="36" rx="10" fill="#0f766e" />
      <rect x="192" y="234" width="128" height="104" rx="12" fill="#0f766e" />
      <rect x="230" y="256" width="52" height="14" rx="7" fill="#fff" />
    </svg>
  );
}
