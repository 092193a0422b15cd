/** Code fences are highlighted at build time with a common set of languages; any other language stays plain, escaped code. */
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/compiler/create-markdown.ts';

const render = (language: string, code: string) => createMarkdown().render(`\`\`\`${language}\n${code}\n\`\`\`\n`);

describe('code highlighting', () => {
  it('highlights the languages slides commonly show, by name and alias', () => {
    const samples: [string, string, string][] = [
      ['ts', 'const answer: number = 42;', '<span class="hljs-keyword">const</span>'],
      ['js', 'function f() { return 1; }', '<span class="hljs-keyword">function</span>'],
      ['python', 'def f():\n    return None', '<span class="hljs-keyword">def</span>'],
      ['sh', 'echo "hi"', '<span class="hljs-built_in">echo</span>'],
      ['html', '<p class="x">Hallo</p>', '<span class="hljs-tag">'],
      ['yml', 'key: value', '<span class="hljs-attr">key:</span>'],
      ['json', '{"a": true}', '<span class="hljs-literal"><span class="hljs-keyword">true</span></span>'],
      ['sql', 'SELECT * FROM t', '<span class="hljs-keyword">SELECT</span>'],
    ];
    for (const [language, code, expected] of samples) {
      const html = render(language, code);
      expect(html, language).toContain(`<code class="hljs language-${language}">`);
      expect(html, language).toContain(expected);
    }
  });

  it('renders a language it does not know as plain, escaped code, keeping the language class', () => {
    const html = render('brainfunk', '<script>alert("x") & ++[>]</script>');
    expect(html).toContain('<code class="hljs language-brainfunk">');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;) &amp; ++[&gt;]&lt;/script&gt;');
    expect(html).not.toContain('<span');
    expect(html).not.toContain('<script>');
  });
});
