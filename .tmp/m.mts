process.env.TABLE_NAME='x';
const { onlyAllowedMarkup } = await import('/work/wt-social/functions/src/domain/social/formatting.ts');
for (const h of ['<p>ok</p>', '<p><a href="https://a.fr">x</a></p>', '<img src=x>', '<p onclick="x">', '<a href="javascript:x">', '<p>a<b</p>', '</a href="https://x">', '<a href="mailto:x@y">m</a>']) console.log(h, onlyAllowedMarkup(h));
