import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

interface Notice {
  id: number;
  kind: 'ok' | 'error';
  text: string;
}

const NoticeContext = createContext<(kind: Notice['kind'], text: string) => void>(() => undefined);

/** Short messages at the bottom of the screen (saved, deleted, downloaded…), gone after a few seconds. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const push = useCallback((kind: Notice['kind'], text: string) => {
    const id = Date.now() + Math.random();
    setNotices((list) => [...list, { id, kind, text }]);
    setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 6000);
  }, []);
  return (
    <NoticeContext.Provider value={push}>
      {children}
      <div className="notices" role="status">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`}>
            {n.text}
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotify() {
  return useContext(NoticeContext);
}
