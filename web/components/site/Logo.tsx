/** The Coopol mark: a « C » drawn as a network, three people linked around it. */
export function LogoMark({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="coopol-mark" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#d4264f" />
          <stop offset="1" stopColor="#9c0f37" />
        </linearGradient>
      </defs>
      <rect width="40" height="40" rx="11" fill="url(#coopol-mark)" />
      <path
        d="M27.07 12.93A10 10 0 1 0 27.07 27.07"
        fill="none"
        stroke="#fff"
        strokeWidth="4.2"
        strokeLinecap="round"
      />
      <circle cx="27.6" cy="12.4" r="3.4" fill="#ffc94d" />
      <circle cx="27.6" cy="27.6" r="3.4" fill="#ffc94d" />
      <circle cx="10" cy="20" r="3.4" fill="#fff" stroke="#b3163f" strokeWidth="1.6" />
    </svg>
  );
}
