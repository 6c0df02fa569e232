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
