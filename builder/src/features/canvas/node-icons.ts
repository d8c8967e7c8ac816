import {
  AudioLines,
  Bell,
  Bot,
  Calendar,
  Clock,
  Code,
  CornerDownLeft,
  Database,
  FileText,
  Flag,
  GitBranch,
  Globe,
  Grid3x3,
  Hash,
  Headset,
  Hourglass,
  Inbox,
  Mail,
  MessageCircle,
  MessageCircleQuestionMark,
  MessageSquare,
  Mic,
  Phone,
  PhoneForwarded,
  PhoneIncoming,
  PhoneOff,
  Play,
  Reply,
  Send,
  Shuffle,
  Split,
  Timer,
  UserPen,
  Users,
  Variable,
  Volume2,
  Webhook,
  Workflow,
  type IconNode,
} from 'lucide';

/**
 * The lucide icons a node may name (`icon` in its definition), by their lucide names: one for each
 * built-in node and a few more for custom nodes. Imported one by one so the bundle carries these,
 * not the whole set; a name not here falls back to the category's initial.
 */
export const nodeIcons: Readonly<Record<string, IconNode>> = {
  'audio-lines': AudioLines,
  bell: Bell,
  bot: Bot,
  calendar: Calendar,
  clock: Clock,
  code: Code,
  'corner-down-left': CornerDownLeft,
  database: Database,
  'file-text': FileText,
  flag: Flag,
  'git-branch': GitBranch,
  globe: Globe,
  'grid-3x3': Grid3x3,
  hash: Hash,
  headset: Headset,
  hourglass: Hourglass,
  inbox: Inbox,
  mail: Mail,
  'message-circle': MessageCircle,
  'message-circle-question-mark': MessageCircleQuestionMark,
  'message-square': MessageSquare,
  mic: Mic,
  phone: Phone,
  'phone-forwarded': PhoneForwarded,
  'phone-incoming': PhoneIncoming,
  'phone-off': PhoneOff,
  play: Play,
  reply: Reply,
  send: Send,
  shuffle: Shuffle,
  split: Split,
  timer: Timer,
  'user-pen': UserPen,
  users: Users,
  variable: Variable,
  'volume-2': Volume2,
  webhook: Webhook,
  workflow: Workflow,
};

const escapeAttribute = (value: unknown) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An icon's drawing as SVG markup in `ink`, for a CSS background (category-icon.tsx says why). */
export function iconSvg(icon: IconNode, ink: string): string {
  const children = icon
    .map(
      ([tag, attributes]) =>
        `<${tag} ${Object.entries(attributes)
          .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
          .join(' ')}/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="${ink}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${children}</svg>`;
}
