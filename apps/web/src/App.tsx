import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api, getToken, setToken } from './api';
import { AuthContext, hasRole, useAuth, type AuthState } from './auth';
import { LABELS, LangContext, useLang, type Lang } from './i18n';
import { AuditTrailPage } from './pages/AuditTrail';
import { DraftingPage } from './pages/Drafting';
import { InboxPage } from './pages/Inbox';
import { LoginPage, OidcReturnPage } from './pages/Login';
import { NewMajorDecisionPage } from './pages/NewMajorDecision';
import { NewEnforcementReviewPage } from './procedures/enforcement-review/NewEnforcementReview';
import { PublicDisclosuresPage } from './procedures/enforcement-review/PublicDisclosures';
import { FilingCatalogPage } from './procedures/filing-review/FilingCatalog';
import { NewFilingReviewPage } from './procedures/filing-review/NewFilingReview';
import { NewContractReviewPage } from './procedures/contract-review/NewContractReview';
import { ProcedurePage } from './pages/Procedure';
import { PublicDocumentPage, PublicRegisterPage, PublicWindowPage } from './pages/PublicRegister';
import { CommentReceiptPage } from './pages/CommentReceipt';
import { AccountsPage } from './pages/Accounts';
import { MyAccountPage } from './pages/MyAccount';
import { NotificationsPage } from './pages/Notifications';
import { NotificationBell } from './NotificationBell';
import { ConflictsPage } from './pages/OfficeActions';
import { PrintDocumentPage } from './pages/PrintDocument';
import type { LoginResponse, Principal } from './api/types';

/** The console (with ECharts) is loaded when an officer opens it, keeping the other pages' first load small. */
const ConsolePage = lazy(() => import('./pages/Console').then((m) => ({ default: m.ConsolePage })));

const LANG_KEY = 'lawgate.lang';

function homeFor(user: Principal): string {
  if (hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'SYSTEM_ADMIN')) return '/console';
  if (hasRole(user, 'DRAFTER')) return '/drafting';
  return '/inbox';
}

export function App() {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const [user, setUser] = useState<Principal | null>(null);
  const [loading, setLoading] = useState<boolean>(() => !!getToken());
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  useEffect(() => {
    if (!getToken()) return;
    api<Principal>('GET', '/api/auth/me')
      .then(setUser)
      .catch(() => setToken(null))
      .finally(() => setLoading(false));
    const out = () => setUser(null);
    window.addEventListener('lawgate:signed-out', out);
    return () => window.removeEventListener('lawgate:signed-out', out);
  }, []);

  const auth = useMemo<AuthState>(
    () => ({
      user,
      loading,
      signIn: async (username, password) => {
        const res = await api<LoginResponse>('POST', '/api/auth/login', { body: { username, password } });
        setToken(res.accessToken);
        setUser(res.user);
        return res.user;
      },
      adoptToken: async (token) => {
        setToken(token);
        const me = await api<Principal>('GET', '/api/auth/me');
        setUser(me);
        return me;
      },
      signOut: () => {
        void api('POST', '/api/auth/logout').catch(() => undefined);
        setToken(null);
        setUser(null);
      },
    }),
    [user, loading],
  );
  const langValue = useMemo(() => ({ lang, t: LABELS[lang], setLang }), [lang, setLang]);

  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{
        // Colours chosen for a contrast of at least 4.5:1 (WCAG AA), secondary and placeholder text included.
        token: {
          colorPrimary: '#b7282e',
          colorLink: '#a0141b',
          // antd's red (#ff4d4f) under white text (the notification bell's count, danger buttons) is below 4.5:1.
          colorError: '#c4161c',
          borderRadius: 4,
          colorTextSecondary: 'rgba(0,0,0,0.65)',
          colorTextTertiary: 'rgba(0,0,0,0.6)',
          colorTextDescription: 'rgba(0,0,0,0.6)',
          colorTextPlaceholder: 'rgba(0,0,0,0.55)',
          colorTextDisabled: 'rgba(0,0,0,0.55)',
        },
        components: {
          Menu: {
            darkItemBg: '#8c1c22',
            darkItemColor: '#ffffff',
            darkItemSelectedBg: '#5c0f14',
            darkItemHoverColor: '#ffffff',
          },
        },
      }}
    >
      <AntApp>
        <LangContext.Provider value={langValue}>
          <AuthContext.Provider value={auth}>
            <Shell />
          </AuthContext.Provider>
        </LangContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const { user, loading, signOut } = useAuth();
  const { t, lang, setLang } = useLang();
  const location = useLocation();
  const navigate = useNavigate();
  const items = [
    ...(user && hasRole(user, 'LEGAL_ADVISER', 'LEGAL_AFFAIRS_OFFICER', 'LEADER', 'DRAFTER')
      ? [{ key: '/inbox', label: <Link to="/inbox">{t.inbox}</Link> }]
      : []),
    ...(user && hasRole(user, 'DRAFTER')
      ? [{ key: '/drafting', label: <Link to="/drafting">{t.drafting}</Link> }]
      : []),
    ...(user && hasRole(user, 'LEGAL_ADVISER')
      ? [{ key: '/conflicts', label: <Link to="/conflicts">{lang === 'zh' ? '回避申报' : 'Conflicts'}</Link> }]
      : []),
    ...(user && hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'SYSTEM_ADMIN', 'LEADER')
      ? [{ key: '/console', label: <Link to="/console">{t.console}</Link> }]
      : []),
    ...(user && hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'SYSTEM_ADMIN')
      ? [{ key: '/audit', label: <Link to="/audit">{lang === 'zh' ? '审计日志' : 'Audit trail'}</Link> }]
      : []),
    ...(user && hasRole(user, 'SYSTEM_ADMIN')
      ? [
          {
            key: '/admin/accounts',
            label: <Link to="/admin/accounts">{lang === 'zh' ? '账号与单位' : 'Accounts'}</Link>,
          },
        ]
      : []),
    { key: '/public', label: <Link to="/public">{t.register}</Link> },
  ];
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="lg-header">
        <Link to="/" className="lg-brand">
          {t.appName}
        </Link>
        <nav aria-label={lang === 'zh' ? '主导航' : 'Main navigation'} className="lg-nav">
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected ? [selected] : []}
            items={items}
            style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          />
        </nav>
        <Space className="lg-user" wrap={false}>
          <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} title="切换语言 / Switch language">
            {t.language}
          </Button>
          {user ? (
            <>
              <NotificationBell />
              <Link to="/account" className="lg-username" style={{ color: '#fff' }}>
                {user.displayName}
              </Link>
              <Button
                size="small"
                onClick={() => {
                  signOut();
                  navigate('/login');
                }}
              >
                {t.logout}
              </Button>
            </>
          ) : (
            <Link to="/login" style={{ color: '#fff' }}>
              {t.login}
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content className="lg-content">
        <main>
          {loading ? (
            <Spin aria-label={lang === 'zh' ? '加载中' : 'Loading'} />
          ) : (
            <Routes>
              <Route path="/" element={<Navigate to={user ? homeFor(user) : '/public'} replace />} />
              <Route path="/login" element={user ? <Navigate to={homeFor(user)} replace /> : <LoginPage />} />
              <Route path="/login/oidc" element={<OidcReturnPage />} />
              <Route
                path="/inbox"
                element={
                  <Private>
                    <InboxPage />
                  </Private>
                }
              />
              <Route
                path="/procedures/:id"
                element={
                  <Private>
                    <ProcedurePage />
                  </Private>
                }
              />
              <Route
                path="/drafting"
                element={
                  <Private>
                    <DraftingPage />
                  </Private>
                }
              />
              <Route
                path="/drafting/major-decisions/new"
                element={
                  <Private>
                    <NewMajorDecisionPage />
                  </Private>
                }
              />
              <Route
                path="/drafting/enforcement-reviews/new"
                element={
                  <Private>
                    <NewEnforcementReviewPage />
                  </Private>
                }
              />
              <Route
                path="/drafting/contract-reviews/new"
                element={
                  <Private>
                    <NewContractReviewPage />
                  </Private>
                }
              />
              <Route
                path="/filing-reviews/new"
                element={
                  <Private>
                    <NewFilingReviewPage />
                  </Private>
                }
              />
              <Route
                path="/console"
                element={
                  <Private>
                    <Suspense fallback={<Spin aria-label={lang === 'zh' ? '加载中' : 'Loading'} />}>
                      <ConsolePage />
                    </Suspense>
                  </Private>
                }
              />
              <Route
                path="/audit"
                element={
                  <Private>
                    <AuditTrailPage />
                  </Private>
                }
              />
              <Route
                path="/admin/accounts"
                element={
                  <Private>
                    <AccountsPage />
                  </Private>
                }
              />
              <Route
                path="/account"
                element={
                  <Private>
                    <MyAccountPage />
                  </Private>
                }
              />
              <Route
                path="/notifications"
                element={
                  <Private>
                    <NotificationsPage />
                  </Private>
                }
              />
              <Route path="/public" element={<PublicRegisterPage />} />
              <Route path="/public/documents/:id" element={<PublicDocumentPage />} />
              <Route path="/public/enforcement-disclosures" element={<PublicDisclosuresPage />} />
              <Route path="/public/filing-catalog" element={<FilingCatalogPage />} />
              <Route path="/public/documents/:id/print" element={<PrintDocumentPage />} />
              <Route
                path="/conflicts"
                element={
                  <Private>
                    <ConflictsPage />
                  </Private>
                }
              />
              <Route path="/public/comment-windows/:id" element={<PublicWindowPage />} />
              <Route path="/public/comments" element={<CommentReceiptPage />} />
              <Route
                path="*"
                element={
                  <Typography.Paragraph>
                    {lang === 'zh' ? '页面不存在。' : 'There is no such page. '}
                    <Link to="/">{lang === 'zh' ? '返回首页' : 'Back to the start'}</Link>
                  </Typography.Paragraph>
                }
              />
            </Routes>
          )}
        </main>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        LawGate ·{' '}
        {lang === 'zh'
          ? '行政规范性文件与重大行政决策法定程序'
          : 'Statutory procedures for normative documents and major administrative decisions'}{' '}
        · <a href="/api/docs">API</a>
      </Layout.Footer>
    </Layout>
  );
}

function Private({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
