import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { htmlPage, startLinkFixture } from '../support/link-fixture';
import { call, createTestPerson, type TestPerson } from '../support/people';
import { testStack, type TestStack } from '../support/stack';

// Posts and comments carry real XSS payloads and come back as HTML with no way to run a script;
// link previews refuse every address that is not public — at first or through a redirect — and read
// the one page the test stack allows by configuration (LINK_PREVIEW_ALLOWED_ORIGINS, set by
// tests/run.ts to the fixture page served here). No request leaves 127.0.0.1: refused addresses are
// refused before any connection.

let stack: TestStack;
let author: TestPerson;
let fixture: Awaited<ReturnType<typeof startLinkFixture>>;
let fixtureOrigin: string;
const run = randomUUID().slice(0, 6);

const fixturePage = `<!doctype html><html><head>
<title>Titre de secours</title>
<meta property="og:title" content="Grève &amp; manif : &lt;script&gt;alert(1)&lt;/script&gt; le 5 mai">
<meta property="og:description" content='Le cortège part à 14 h "place de la République".'>
<meta property="og:image" content="/affiche.png">
</head><body><p>Contenu</p></body></html>`;

before(async () => {
  stack = testStack();
  fixture = await startLinkFixture(stack, {
    '/page': htmlPage(fixturePage),
    '/script-image': htmlPage('<meta property="og:image" content="javascript:alert(1)"><meta property="og:title" content="Image piégée">'),
    '/redirect?to=': (res, url) => {
      res.writeHead(302, { location: decodeURIComponent(url.slice('/redirect?to='.length)) });
      res.end();
    },
    // A page that never goes idle: a byte every 200 ms for 12 s (an idle timeout would wait it out).
    '/drip': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><title>Goutte à goutte</title>');
      const drip = setInterval(() => res.write(' '), 200);
      const stop = setTimeout(() => res.end('</html>'), 12_000);
      res.on('close', () => (clearInterval(drip), clearTimeout(stop)));
    },
  });
  fixtureOrigin = fixture.origin;
  author = await createTestPerson(stack, {
    email: `surete-${run}@coopol.example`,
    postalCode: '68100',
    member: { memberNumber: `SU${run.toUpperCase()}`, sectionId: 'mulhouse' },
  });
});
after(() => fixture.close());

/** Every tag of a rendering, with its attributes: the only HTML the page will insert. */
function tagsOf(html: string): { name: string; attributes: string }[] {
  return [...html.matchAll(/<\s*\/?\s*([a-zA-Z0-9]+)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: m[2]!.trim() }));
}

function assertHarmless(html: string, payload: string) {
  const allowed = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'code', 'a']);
  for (const tag of tagsOf(html)) {
    assert.ok(allowed.has(tag.name), `${payload} → tag <${tag.name}> in ${html}`);
    assert.doesNotMatch(tag.attributes, /\bon\w+\s*=|style\s*=|src\s*=/i, `${payload} → attribute in ${html}`);
    const href = /href="([^"]*)"/.exec(tag.attributes)?.[1];
    if (href !== undefined) assert.match(href, /^(https?:\/\/|mailto:)/, `${payload} → link ${href}`);
  }
}

const xssPayloads = [
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[clic](javascript:alert(1))',
  '[clic](JaVaScRiPt:alert(1))',
  '[clic](  javascript:alert(1))',
  '[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[clic](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">clic</a>',
  '[x](https://exemple.fr" onmouseover="alert(1))',
  '"><script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '**gras** <b onclick=alert(1)>b</b> `<script>`',
  '<scr<script>ipt>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

describe('no script ever runs from a post', () => {
  test('posts with XSS payloads are stored and served as harmless HTML; the text keeps what was typed', async () => {
    for (const payload of xssPayloads) {
      const created = await call(stack, author, 'POST', '/api/posts', { space: { type: 'section', id: 'mulhouse' }, text: payload });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assertHarmless(created.body.html as string, payload);
      assert.equal(created.body.text, payload, 'the author sees their source as typed');
      const read = await call(stack, author, 'GET', `/api/posts/${created.body.id as string}`);
      assertHarmless(read.body.html as string, payload);
    }
  });

  test('comments and edits go through the same rendering', async () => {
    const created = await call(stack, author, 'POST', '/api/posts', { space: { type: 'section', id: 'mulhouse' }, text: 'Sujet' });
    const id = created.body.id as string;
    for (const payload of xssPayloads.slice(0, 6)) {
      const comment = await call(stack, author, 'POST', `/api/posts/${id}/comments`, { text: payload });
      assert.equal(comment.status, 201);
      assertHarmless(comment.body.html as string, payload);
      const edited = await call(stack, author, 'PATCH', `/api/posts/${id}`, { text: payload });
      assertHarmless(edited.body.html as string, payload);
    }
  });

  test('formatting people asked for still works, links open safely', async () => {
    const created = await call(stack, author, 'POST', '/api/posts', {
      space: { type: 'section', id: 'mulhouse' },
      text: '**Tractage** samedi, _10 h_ :\n- marché\n- gare\n\nInfos : https://exemple.fr/tract',
    });
    const html = created.body.html as string;
    assert.match(html, /<strong>Tractage<\/strong>/);
    assert.match(html, /<em>10 h<\/em>/);
    assert.match(html, /<li>marché<\/li>/);
    assert.match(html, /<a href="https:\/\/exemple.fr\/tract" rel="nofollow noopener noreferrer ugc" target="_blank">/);
  });
});

describe('link previews never reach a private address', () => {
  const refused = (port: string) => [
    `http://127.0.0.1:${port}/`,
    `http://localhost:${port}/`,
    'http://127.0.0.1/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://[::a9fe:a9fe]/latest/meta-data/',
    'http://[::a00:1]/',
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://[fe80::1]/',
    'http://10.0.0.1/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:7f00:1::]/',
    'https://exemple.fr:8080/',
    'http://user:secret@exemple.fr/',
  ];

  test('private, loopback, link-local, metadata and reserved addresses (IPv4 and IPv6, in every spelling) are refused with the field named', async () => {
    const dynamodbPort = new URL(stack.urls.dynamodb).port;
    for (const url of refused(dynamodbPort)) {
      const preview = await call(stack, author, 'POST', '/api/link-previews', { url });
      assert.equal(preview.status, 400, `${url}: ${JSON.stringify(preview.body)}`);
      assert.equal(preview.body.details?.[0]?.field, 'body.url', url);
    }
  });

  test('a post whose link is refused is not created', async () => {
    const before = await call(stack, author, 'GET', '/api/spaces/section/mulhouse/posts?limit=1');
    const post = await call(stack, author, 'POST', '/api/posts', { space: { type: 'section', id: 'mulhouse' }, text: 'Regardez', link: 'http://169.254.169.254/latest/meta-data/' });
    assert.equal(post.status, 400);
    assert.equal(post.body.details?.[0]?.field, 'body.link');
    const afterwards = await call(stack, author, 'GET', '/api/spaces/section/mulhouse/posts?limit=1');
    assert.deepEqual((afterwards.body.items as { id: string }[])[0]?.id, (before.body.items as { id: string }[])[0]?.id);
  });

  test('a page that drips its bytes is given up at the 4-second deadline, not read for 12 s', async () => {
    const started = Date.now();
    const preview = await call(stack, author, 'POST', '/api/link-previews', { url: `${fixtureOrigin}/drip` });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual(preview.body, { url: `${fixtureOrigin}/drip` }, 'nothing read: the address only');
    assert.ok(seconds < 9, `answered after ${seconds.toFixed(1)} s`);
  });

  test('other schemes are refused by the contract', async () => {
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO', 'ftp://exemple.fr/']) {
      const preview = await call(stack, author, 'POST', '/api/link-previews', { url });
      assert.equal(preview.status, 400, url);
      assert.equal(preview.body.details?.[0]?.field, 'body.url');
    }
  });

  test('a redirect from an allowed page to a private address is refused', async () => {
    const dynamodbPort = new URL(stack.urls.dynamodb).port;
    for (const target of [`http://127.0.0.1:${dynamodbPort}/`, 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/']) {
      const preview = await call(stack, author, 'POST', '/api/link-previews', { url: `${fixtureOrigin}/redirect?to=${encodeURIComponent(target)}` });
      assert.equal(preview.status, 400, `${target}: ${JSON.stringify(preview.body)}`);
    }
  });

  test('the allowed page gives its title, description and image as plain text; a script image is dropped', async () => {
    const preview = await call(stack, author, 'POST', '/api/link-previews', { url: `${fixtureOrigin}/page` });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual(preview.body, {
      url: `${fixtureOrigin}/page`,
      title: 'Grève & manif : <script>alert(1)</script> le 5 mai',
      description: 'Le cortège part à 14 h "place de la République".',
      image: `${fixtureOrigin}/affiche.png`,
    });
    const trap = await call(stack, author, 'POST', '/api/link-previews', { url: `${fixtureOrigin}/script-image` });
    assert.equal(trap.body.title, 'Image piégée');
    assert.equal(trap.body.image, undefined);

    // A post with that link keeps the preview read by the server, not anything the client says.
    const post = await call(stack, author, 'POST', '/api/posts', { space: { type: 'section', id: 'mulhouse' }, text: 'À lire', link: `${fixtureOrigin}/page` });
    assert.equal(post.status, 201);
    assert.equal((post.body.link as { title: string }).title, 'Grève & manif : <script>alert(1)</script> le 5 mai');
  });

  test('media come from the allowed providers only, as players built by us', async () => {
    const ok = await call(stack, author, 'POST', '/api/posts', { space: { type: 'section', id: 'mulhouse' }, text: 'Vidéo', media: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.deepEqual(ok.body.embed, { provider: 'YouTube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42', embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    for (const media of ['https://evil.example/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=%22%3E%3Cscript%3E', `${fixtureOrigin}/page`]) {
      const refusedPost = await call(stack, author, 'POST', '/api/posts', { space: { type: 'section', id: 'mulhouse' }, text: 'Vidéo', media });
      assert.equal(refusedPost.status, 400, media);
      assert.equal(refusedPost.body.details?.[0]?.field, 'body.media');
    }
  });
});

describe('link previews are rationed per person', () => {
  test(`${20} fetches a minute, then 429 in French with the wait; the next minute, again`, async () => {
    const reader = await createTestPerson(stack, { email: `apercus-${run}@coopol.example`, postalCode: '68100', member: { memberNumber: `AP${run.toUpperCase()}`, sectionId: 'mulhouse' } });
    // All in one minute: start early in one.
    const second = new Date().getUTCSeconds();
    if (second > 40) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    const preview = () => call(stack, reader, 'POST', '/api/link-previews', { url: `${fixtureOrigin}/page` });
    for (let i = 1; i <= 20; i += 1) assert.equal((await preview()).status, 200, `preview ${i}`);
    const refused = await preview();
    assert.equal(refused.status, 429);
    assert.match(String(refused.body.message), /20 aperçus de liens en une minute/);
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `retry-after: ${wait}`);
    // A post's link is a fetch too: refused the same way, and the post is not created.
    const post = await call(stack, reader, 'POST', '/api/posts', { space: { type: 'section', id: 'mulhouse' }, text: 'Encore un lien', link: `${fixtureOrigin}/page` });
    assert.equal(post.status, 429);
    // Someone else is not concerned.
    assert.equal((await call(stack, author, 'POST', '/api/link-previews', { url: `${fixtureOrigin}/page` })).status, 200);
    await new Promise((r) => setTimeout(r, (wait + 1) * 1000));
    assert.equal((await preview()).status, 200, 'a new minute');
  });
});
