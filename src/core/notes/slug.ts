// Topic slugs and file-name slugs (DESIGN.md section 2).

const TOPIC = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

export function isTopicSlug(value: string): boolean {
  return TOPIC.test(value);
}

/** `payments/webhooks/retries` -> [`payments`, `payments/webhooks`]. */
export function topicAncestors(slug: string): string[] {
  const parts = slug.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

export function parentTopic(slug: string): string | undefined {
  const i = slug.lastIndexOf('/');
  return i < 0 ? undefined : slug.slice(0, i);
}

/** Makes a topic slug from what a person typed: "Payments / Web Hooks" -> "payments/web-hooks". */
export function toTopicSlug(input: string): string {
  return input
    .split('/')
    .map((part) => toFileSlug(part))
    .filter((part) => part !== '')
    .join('/');
}

/** A file-name slug from a title, ASCII only, at most 60 characters. */
export function toFileSlug(title: string, maxLength = 60): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[åÅ]/g, 'a')
    .replace(/ß/g, 'ss')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}
