/**
 * Simplified Chinese title and explain of the `cookies` group
 * (experiments/catalog/cookies.ts). The English group builds one experiment
 * per cookie case and third-party cookie setting, its title and explain
 * ending with the setting; this file translates each part once and builds
 * the same ids the same way.
 */
import { THIRD_PARTY_COOKIES } from '../../../format/format-defaults.ts';

type Policy = (typeof THIRD_PARTY_COOKIES)[number];

const POLICY_TITLE: Record<Policy, string> = {
  blocked: '拦截第三方 Cookie',
  allowed: '允许第三方 Cookie',
};

const POLICY_NOTE: Record<Policy, string> = {
  blocked: '本次运行假定采用 Chromium 的默认设置：**拦截第三方 Cookie**。',
  allowed:
    '本次运行假定**允许第三方 Cookie**（chrome://settings/cookies 中的“允许第三方 Cookie”）；无头运行器使用的配置文件就是这样设置的。',
};

/** Title and explain of each cookie case, by the case id of experiments/catalog/cookies.ts. */
const CASES: Record<string, { title: string; explain: string }> = {
  'same-site-lax': {
    title: 'SameSite=Lax 的 Cookie 会发往另一个端口上的同站 API',
    explain:
      '`localhost:5310` 和 `localhost:5311` 是不同的源，却是**同一个站点**（协议 + 可注册域名；端口不算在内）。对 Cookie 而言，同站请求属于第一方请求，所以即使是 `SameSite=Lax` 的 Cookie 也会被存储和发送，无论第三方 Cookie 如何设置。CORS 依然适用：响应必须写明这个源，并声明 `Access-Control-Allow-Credentials: true`。',
  },
  'same-site-strict': {
    title: '即使是 SameSite=Strict 的 Cookie 也会发往同站 API',
    explain:
      '`SameSite=Strict` 关乎的是**站点**，而不是源：从 `localhost:5310` 到 `localhost:5311` 的 fetch 是同站的，所以 Cookie 会被发送。Strict 只会禁止从另一个站点发起的请求携带 Cookie。',
  },
  'cross-site-none-secure': {
    title: '发往另一个站点的 SameSite=None; Secure Cookie 取决于第三方 Cookie 设置',
    explain:
      '`localhost` → `127.0.0.1` 是**跨站**的，所以这个 Cookie 是第三方 Cookie。第三方 Cookie 需要的正是 `SameSite=None; Secure`，但 Chromium 默认拦截第三方 Cookie（Chrome 在无痕模式下也是如此，而且越来越多地默认如此）：拦截时，这个 Cookie 既不会被存储，也不会被发送；允许时则会。两种情况下 CORS 都能通过，所以页面无从察觉。\n\n**修复：** 不要依赖第三方 Cookie：从同一个站点提供 API（例如为 `app.example.com` 使用 `api.example.com`），在请求头中使用令牌，或者使用 `Partitioned` Cookie。',
  },
  'cross-site-partitioned': {
    title: 'Partitioned（CHIPS）Cookie 在两种设置下都能跨站使用',
    explain:
      '`Partitioned` Cookie（CHIPS）存放在一个以页面的**顶级站点**为键的存储区中，因此无法跨站跟踪用户；所以即使拦截了第三方 Cookie，Chromium 也会接受它们。它们需要 `Secure` 和 `SameSite=None`。\n\n**修复**（适用于需要为每个嵌入站点各保存一个 Cookie 的嵌入式小组件或 API）：`Set-Cookie: id=...; SameSite=None; Secure; Partitioned`。',
  },
  'cross-site-lax': {
    title: '跨站 fetch 永远无法设置 SameSite=Lax 的 Cookie',
    explain:
      '`SameSite=Lax`（也是未指定 SameSite 时的默认值）的 Cookie 只会随同站请求和顶级导航发送；跨站 fetch 既不能设置也不能发送它们，无论第三方 Cookie 如何设置。\n\n**修复：** `SameSite=None; Secure`（这是第三方 Cookie，受该设置约束）或 `Partitioned`。',
  },
  'cross-site-default-samesite': {
    title: '没有 SameSite 的 Cookie 按 Lax 处理：跨站时不会被设置',
    explain:
      '没有 `SameSite` 属性时，Chromium 把 Cookie 当作 `SameSite=Lax`，所以跨站的带凭据 fetch 不会存储它（尽管 CORS 通过了）。\n\n**修复：** 对要用于跨站请求的 Cookie，明确写出 `SameSite=None; Secure`。',
  },
  'none-without-secure': {
    title: '没有 Secure 的 SameSite=None 会被拒绝，即使是同站',
    explain:
      '浏览器会拒绝不带 `Secure` 的 `SameSite=None` Cookie。`http://localhost` 算作安全上下文，所以开发期间可以在它上面使用 `Secure` Cookie。\n\n**修复：** `SameSite=None; Secure`。',
  },
  'set-cookie-without-include': {
    title: '请求不带凭据时，Set-Cookie 会被忽略',
    explain:
      '使用默认值 `credentials: "same-origin"` 的跨源 fetch 发送时不带 Cookie，**而且它的 `Set-Cookie` 会被忽略**。因此第二个请求虽然用了 `credentials: "include"`，却没有 Cookie 可发。\n\n**修复：** 在接收 Cookie 的那个请求（例如登录调用）上也使用 `credentials: "include"`，并在它的响应上加 `Access-Control-Allow-Credentials: true`。',
  },
  'stored-despite-cors-block': {
    title: '被拦截的带凭据响应仍会设置它的 Cookie',
    explain:
      '第一个响应写的是 `Access-Control-Allow-Origin: *`，而带凭据的请求不能接受它，所以页面得到 `TypeError: Failed to fetch`。同一个响应里的 Cookie **照样被存储了**：CORS 检查决定的是 JavaScript 可以读取什么，而不是 Cookie 存储区保留什么。下一个请求就会带上它。\n\n**修复**（针对 CORS 错误）：`Access-Control-Allow-Origin: <页面的源>` 和 `Access-Control-Allow-Credentials: true`。',
  },
};

/** Ids as experiments/catalog/cookies.ts builds them: `cookies-<case>-3pc-<setting>`. */
export const cookies: Record<string, { title: string; explain: string }> = Object.fromEntries(
  Object.entries(CASES).flatMap(([id, c]) =>
    THIRD_PARTY_COOKIES.map((policy) => [
      `cookies-${id}-3pc-${policy}`,
      { title: `${c.title}（${POLICY_TITLE[policy]}）`, explain: `${c.explain}\n\n${POLICY_NOTE[policy]}` },
    ]),
  ),
);
