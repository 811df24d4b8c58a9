/**
 * Definitions name their icon with Lucide's names; the Studio draws a small
 * inline SVG for each known one (no icon font, nothing that depends on the
 * machine's emoji fonts). Unknown names get a neutral square.
 */
const PATHS: Record<string, string> = {
  'life-buoy': 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6',
  wallet: 'M3 7h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7zM3 7l12-3v3M16 13h2',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6',
  'user-plus': 'M10 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21c0-4 4-6 8-6s8 2 8 6M19 8v6M16 11h6',
  receipt: 'M5 3h14v18l-3-2-2 2-2-2-2 2-2-2-3 2V3zM9 8h6M9 12h6M9 16h4',
  building: 'M4 21V3h10v18M14 9h6v12M2 21h20M7 7h4M7 11h4M7 15h4',
  phone: 'M5 3h4l2 5-3 2a11 11 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A18 18 0 0 1 3 5a2 2 0 0 1 2-2z',
  briefcase: 'M3 7h18v13H3zM8 7V4h8v3M3 13h18',
  'bar-chart': 'M4 20V10M10 20V4M16 20v-7M2 20h20',
  'help-circle': 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7M12 17h.01',
  'trending-up': 'M3 17l6-6 4 4 8-8M15 7h6v6',
  package: 'M12 2l9 5v10l-9 5-9-5V7l9-5zM3 7l9 5 9-5M12 12v10',
  'folder-kanban': 'M3 6h6l2 2h10v12H3zM8 12v4M12 12v2M16 12v5',
  'file-text': 'M6 2h8l5 5v15H6zM14 2v5h5M9 13h7M9 17h7',
  'calendar-check': 'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4M9 15l2 2 4-4',
};
const FALLBACK = 'M5 5h14v14H5z';

export function ModuleIcon({ name }: { name: string | undefined }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={(name && PATHS[name]) || FALLBACK} />
    </svg>
  );
}
