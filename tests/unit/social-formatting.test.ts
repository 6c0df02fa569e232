import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { embedOf } from '../../functions/src/domain/social/embeds';
import { onlyAllowedMarkup, renderText } from '../../functions/src/domain/social/formatting';

// The pure parts of posts: the renderer and its second lock, the media allowlist. (Link previews'
// address checks are exercised through the API in tests/integration/posts-safety.test.ts.)

describe('the second lock on rendered posts', () => {
  test('accepts only our tags, and a safe href on links', () => {
    for (const html of ['<p>ok</p>', '<ul><li><strong>a</strong></li></ul>', '<p><a href="https://a.fr/?x=1&amp;y=2">x</a></p>', '<a href="mailto:x@y.fr">m</a>']) {
      assert.equal(onlyAllowedMarkup(html), true, html);
    }
    for (const html of ['<img src=x>', '<p onclick="x">', '<a href="javascript:x">', '<a href=" javascript:x">', '<p>a<b</p>', '</a href="https://x">', '<a title="x">', '<script>', '<p>x</p><style>']) {
      assert.equal(onlyAllowedMarkup(html), false, html);
    }
  });
  test('renders the small Markdown people use, and nothing else', () => {
    assert.equal(renderText('**Tract** _samedi_\n- gare\n- marché'), '<p><strong>Tract</strong> <em>samedi</em></p>\n<ul><li>gare</li><li>marché</li></ul>');
    assert.equal(renderText('> cité'), '<blockquote><p>cité</p></blockquote>');
    assert.equal(renderText('https://ex.fr/a_b_c'), '<p><a href="https://ex.fr/a_b_c" rel="nofollow noopener noreferrer ugc" target="_blank">https://ex.fr/a_b_c</a></p>');
    assert.equal(renderText('[x](javascript:alert(1))'), '<p>[x](javascript:alert(1))</p>');
    assert.equal(renderText('`<b>`'), '<p><code>&lt;b&gt;</code></p>');
  });
});

describe('media allowlist', () => {
  test('known providers become players we build; anything else is refused with the field named', () => {
    assert.equal(embedOf('https://youtu.be/dQw4w9WgXcQ').embedUrl, 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    assert.equal(embedOf('https://www.dailymotion.com/video/x8abcd1').embedUrl, 'https://www.dailymotion.com/embed/video/x8abcd1');
    assert.equal(embedOf('https://vimeo.com/123456789').embedUrl, 'https://player.vimeo.com/video/123456789');
    assert.equal(embedOf('https://soundcloud.com/artiste/morceau').provider, 'SoundCloud');
    assert.equal(embedOf('https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d').embedUrl, 'https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d');
    for (const url of ['https://evil.example/watch?v=dQw4w9WgXcQ', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=<script>', 'javascript:alert(1)']) {
      assert.throws(() => embedOf(url), (e: { statusCode?: number; details?: { field: string }[] }) => e.statusCode === 400 && e.details?.[0]?.field === 'body.media', url);
    }
  });
});

describe('mentions in rendered posts', () => {
  const anne = { folded: 'anne martin', userId: 'user-anne-0001' };
  test('a resolved @Prénom Nom links to the profile, as typed, without opening a new tab; others stay text', () => {
    assert.equal(
      renderText('Merci @Anne Martin pour le **tract**, et @Paul Durand aussi', [anne]),
      '<p>Merci <a href="/personnes/user-anne-0001">@Anne Martin</a> pour le <strong>tract</strong>, et @Paul Durand aussi</p>',
    );
    assert.equal(renderText('@anne   martin', [anne]), '<p>@anne   martin</p>', 'not the name as resolved');
    assert.equal(renderText('`@Anne Martin`', [anne]), '<p><code>@Anne Martin</code></p>', 'code stays code');
    assert.equal(renderText('écrire à anne@Anne Martin', [anne]), '<p>écrire à anne@Anne Martin</p>', 'an address is no mention');
  });
  test('hostile names and ids can only ever be text', () => {
    const hostile = [
      { folded: 'anne martin', userId: '"><script>alert(1)</script>' },
      { folded: 'x onerror', userId: 'javascript:alert(1)' },
    ];
    assert.equal(renderText('@Anne Martin', hostile), '<p>@Anne Martin</p>', 'an id that is not one is never put in a link');
    const html = renderText('@Anne<img src=x onerror=alert(1)> Martin @"><script>alert(1)</script> Martin', [anne]);
    assert.equal(onlyAllowedMarkup(html.replace(/ rel="[^"]*" target="_blank"/g, '')), true);
    assert.doesNotMatch(html, /<img|<script/);
    assert.equal(renderText("@Anne <b>Martin</b>", [{ folded: 'anne b', userId: 'user-anne-0001' }]), '<p>@Anne &lt;b&gt;Martin&lt;/b&gt;</p>');
    // A person named like markup: the link's text is the escaped typed name.
    const odd = { folded: 'zoe script', userId: 'user-zoe-00001' };
    assert.equal(renderText('@Zoé Script<script>', [odd]), '<p><a href="/personnes/user-zoe-00001">@Zoé Script</a>&lt;script&gt;</p>');
  });
  test('the second lock accepts our profile links and nothing looking like them', () => {
    assert.equal(onlyAllowedMarkup('<a href="/personnes/user-anne-0001">@A</a>'), true);
    for (const html of ['<a href="/personnes/../admin">x</a>', '<a href="//evil.example/personnes/abcdefgh">x</a>', '<a href="/personnes/abc">x</a>']) {
      assert.equal(onlyAllowedMarkup(html), false, html);
    }
  });
});
