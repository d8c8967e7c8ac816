import { useEffect } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { TemplatesGallery } from './templates-gallery.tsx';

interface Props {
  onCreated(flowId: string): void;
  onBlank(): void | Promise<void>;
  onClose(): void;
}

/** The gallery over the flow list, as "New flow" opens it. */
export function TemplatesGalleryDialog({ onCreated, onBlank, onClose }: Props) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-auto bg-slate-900/40 p-6">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="gallery-title"
        className="relative w-full max-w-5xl rounded-lg bg-slate-50 p-5 shadow-xl"
      >
        <button
          onClick={onClose}
          className="absolute right-3 top-3 rounded px-2 text-slate-600 hover:bg-slate-200"
          aria-label={t('gallery.close')}
        >
          ×
        </button>
        <TemplatesGallery onCreated={onCreated} onBlank={onBlank} />
      </div>
    </div>
  );
}
