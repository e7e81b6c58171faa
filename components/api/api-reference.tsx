import { useTranslations } from 'next-intl';
import type { ReferenceRoute } from '@/lib/api-v1/reference';

/** The readable reference of /api/v1, rendered from the OpenAPI document (no external viewer, no CDN). */
export function ApiReference({ routes }: { routes: ReferenceRoute[] }) {
  const t = useTranslations('newsroom.api');
  return (
    <article className="dashboard api-reference">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <ul>
          <li>{t('rules.naming')}</li>
          <li>{t('rules.errors')}</li>
          <li>{t('rules.cache')}</li>
          <li>{t('rules.pages')}</li>
          <li>{t('rules.limits')}</li>
          <li>
            {t.rich('rules.document', { doc: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}
          </li>
        </ul>
      </header>
      {routes.map((route) => (
        <section key={route.path} className="card api-route" id={route.path.replace(/[^a-z0-9]+/gi, '-')} aria-labelledby={`route-${route.path}`}>
          <h2 id={`route-${route.path}`}>
            <code>GET {route.path}</code>
          </h2>
          <p>{route.summary}</p>
          {route.params.length > 0 ? (
            <table className="data-table">
              <caption>{t('params')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('values')}</th>
                  <th scope="col">{t('descriptionHeader')}</th>
                </tr>
              </thead>
              <tbody>
                {route.params.map((p) => (
                  <tr key={p.name}>
                    <th scope="row">
                      <code>{p.name}</code>
                      {p.required ? ` (${t('required')})` : ''}
                    </th>
                    <td>
                      {p.values.length > 0 ? p.values.join(', ') : p.type}
                      {p.defaultValue !== null ? ` — ${t('default', { value: p.defaultValue })}` : ''}
                    </td>
                    <td>{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('noParams')}</p>
          )}
          <p>
            {t('formats')} <code>{route.contentTypes.join(', ')}</code>
          </p>
          <p>
            {t('example')}{' '}
            <a href={route.example}>
              <code>{route.example}</code>
            </a>
          </p>
        </section>
      ))}
    </article>
  );
}
