/*
 * Yishi: the task tab 照片 in Tasklist (a Camunda 7.24 frontend plugin, point tasklist.task.detail): the photos of the
 * task's case (随手拍) as thumbnails, an upload for staff who work on the case, and 公开此照片 for the reviewers
 * (社区两委, the dispatch centre). Camunda Forms have no file picker, so photos are handled here.
 *
 * config.js lists this file in customScripts. Everything comes from the project's /api, with the webapp session and,
 * for writing, Camunda's CSRF token (yishi-staff-common.js):
 *   GET  /api/tasks/{taskId}/panels                    the task's case number (only for the task's handlers)
 *   GET  /api/cases/{caseNo}/photos                    the photos and what the caller may do (who may read the case)
 *   GET  /api/cases/{caseNo}/photos/{id}               one photo
 *   POST /api/cases/{caseNo}/photos                    multipart, field photos: all are stored or none
 *   POST /api/cases/{caseNo}/photos/{id}/release       shown on the public case page from now on
 * Built with DOM nodes and textContent only; window.yishiPhotos lets the receipt (yishi-intake-receipt.js) offer the
 * same upload right after a case is registered.
 */

import { API, api, el, messageOf } from './yishi-staff-common.js';

// a refusal's message; an upload the server refuses by its size (413) has no field codes
function photoMessage(reply) {
  const errors = reply.json && reply.json.errors;
  if (reply.status === 413 && !(errors && errors.length)) {
    return '上传的照片总量过大，请减少照片或压缩后再上传';
  }
  return messageOf(reply);
}

function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false
  }) : '';
}

const STYLE = `
.yishi-photos-grid { display: flex; flex-wrap: wrap; gap: 12px; margin: 10px 0; }
.yishi-photo { width: 180px; border: 1px solid #ddd; border-radius: 4px; padding: 6px; background: #fff; }
.yishi-photo a { display: block; height: 135px; background: #f4f4f4; text-align: center; }
.yishi-photo img { max-width: 100%; max-height: 135px; object-fit: contain; }
.yishi-photo .yishi-photo-meta { font-size: 12px; color: #666; margin: 4px 0; }
.yishi-photo .label { font-size: 11px; }
`;

/** The upload control for a case: a file input and a button; {@code done} runs after photos were stored. */
function uploadControl(caseNo, list, done) {
  // the browser's own file button speaks the browser's language: a Chinese button opens it instead
  const input = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp', multiple: 'multiple',
    class: 'yishi-photo-file', style: 'display: none' });
  const pick = el('button', { type: 'button', class: 'btn btn-default yishi-photo-pick', style: 'margin-right: 8px' }, '选择照片');
  const chosen = el('span', { class: 'text-muted yishi-photo-chosen', style: 'margin-right: 8px' }, '未选择照片');
  const button = el('button', { type: 'button', class: 'btn btn-primary yishi-photo-upload' }, '上传照片');
  const status = el('p', { class: 'yishi-photo-status', role: 'status' });
  pick.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = Array.from(input.files || []);
    chosen.textContent = files.length ? '已选择 ' + files.length + ' 张：' + files.map(f => f.name).join('、') : '未选择照片';
  });
  button.addEventListener('click', async () => {
    status.className = 'yishi-photo-status';
    if (!input.files || !input.files.length) {
      status.className = 'yishi-photo-status text-danger';
      status.textContent = '请先选择照片';
      return;
    }
    const data = new FormData();
    Array.from(input.files).forEach(f => data.append('photos', f, f.name));
    button.disabled = true;
    status.textContent = '正在上传…';
    const reply = await api('POST', '/cases/' + encodeURIComponent(caseNo) + '/photos', data);
    button.disabled = false;
    if (reply.ok) {
      input.value = '';
      chosen.textContent = '未选择照片';
      status.className = 'yishi-photo-status text-success';
      status.textContent = '照片已上传' + (reply.json ? '，本办件现有 ' + reply.json.length + ' 张照片' : '') + '。';
      done();
    } else {
      status.className = 'yishi-photo-status text-danger';
      status.textContent = photoMessage(reply);
    }
  });
  const limits = list ? '每件最多 ' + list.maxPerCase + ' 张，每张不超过 ' + Math.round(list.maxBytes / 1048576) + ' MB，JPEG、PNG 或 WebP。' : '';
  return el('div', { class: 'yishi-photo-add' },
    el('h4', null, '添加照片'),
    el('p', { class: 'text-muted' }, limits + '照片只有能查看本办件的工作人员可见，经审核人员公开后才在公示中显示。'),
    input, pick, chosen, button, status);
}

function photoCard(caseNo, photo, list, refresh) {
  const src = API + '/cases/' + encodeURIComponent(caseNo) + '/photos/' + encodeURIComponent(photo.id);
  const state = photo.released
    ? el('span', { class: 'label label-success' }, '已公开')
    : el('span', { class: 'label label-default' }, '未公开');
  const card = el('div', { class: 'yishi-photo', 'data-photo-id': photo.id },
    el('a', { href: src, target: '_blank', rel: 'noopener', title: '查看原图' }, el('img', { src, alt: '办件照片' })),
    el('div', { class: 'yishi-photo-meta' }, photo.source + '上传 · ' + dateTime(photo.uploadedAt) + ' ', state));
  if (list.mayRelease && !photo.released) {
    // two steps: 公开此照片 shows what a release means, 确认公开 releases
    const release = el('button', { type: 'button', class: 'btn btn-xs btn-primary yishi-photo-release' }, '公开此照片');
    const confirm = el('button', { type: 'button', class: 'btn btn-xs btn-danger yishi-photo-confirm' }, '确认公开');
    const cancel = el('button', { type: 'button', class: 'btn btn-xs btn-default', style: 'margin-left: 4px' }, '取消');
    const ask = el('div', { class: 'yishi-photo-ask', hidden: 'hidden', style: 'font-size: 12px' },
      el('p', { style: 'margin: 4px 0' }, '公开后任何人都能在办件公示中看到此照片（已去除拍摄位置等信息）。请确认照片中没有人脸、车牌、门牌号等个人信息。'),
      confirm, cancel);
    const status = el('div', { class: 'text-danger', style: 'font-size: 12px' });
    // style.display, not the hidden attribute: Bootstrap's .btn sets display and would win
    release.addEventListener('click', () => {
      release.style.display = 'none';
      ask.hidden = false;
    });
    cancel.addEventListener('click', () => {
      ask.hidden = true;
      release.style.display = '';
    });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      const reply = await api('POST', '/cases/' + encodeURIComponent(caseNo) + '/photos/' + encodeURIComponent(photo.id) + '/release');
      if (reply.ok) {
        refresh();
      } else {
        confirm.disabled = false;
        status.textContent = photoMessage(reply);
      }
    });
    card.appendChild(release);
    card.appendChild(ask);
    card.appendChild(status);
  }
  return card;
}

/** Fills {@code box} with the photos of the case and the controls the caller may use. */
async function showPhotos(box, caseNo) {
  const refresh = () => showPhotos(box, caseNo);
  const reply = await api('GET', '/cases/' + encodeURIComponent(caseNo) + '/photos');
  box.textContent = '';
  box.appendChild(el('style', null, STYLE));
  if (!reply.ok) {
    box.appendChild(el('p', { class: 'text-muted' }, reply.status === 403 ? '您的角色无权查看该办件的照片。' : photoMessage(reply)));
    return;
  }
  const list = reply.json;
  box.appendChild(el('h4', null, '办件 ' + caseNo + ' 的照片'));
  if (!list.photos.length) {
    box.appendChild(el('p', { class: 'text-muted yishi-photo-none' }, '本办件还没有照片。'));
  } else {
    box.appendChild(el('div', { class: 'yishi-photos-grid' }, list.photos.map(p => photoCard(caseNo, p, list, refresh))));
    if (list.mayRelease) {
      box.appendChild(el('p', { class: 'text-muted' }, '照片默认不公开。审核确认照片中没有个人信息后，可点击“公开此照片”，它将显示在办件公示中。'));
    }
  }
  if (list.mayAdd && list.photos.length < list.maxPerCase) {
    box.appendChild(uploadControl(caseNo, list, refresh));
  }
}

window.yishiPhotos = { uploadControl: (caseNo, done) => uploadControl(caseNo, null, done || (() => {})) };

export default {
  id: 'yishi-task-photos',
  pluginPoint: 'tasklist.task.detail',
  priority: 40,
  properties: { label: '照片' },
  render: (node, { taskId }) => {
    node.textContent = '';
    const box = el('div', { class: 'yishi-task-photos', style: 'padding: 15px' }, el('p', { class: 'text-muted' }, '正在读取…'));
    node.appendChild(box);
    api('GET', '/tasks/' + encodeURIComponent(taskId) + '/panels').then(reply => {
      if (!reply.ok) {
        box.textContent = '';
        box.appendChild(el('p', { class: 'text-muted' },
          reply.status === 403 ? '只有本任务的办理人可以查看办件照片。' : reply.status === 404 ? '本任务不涉及办件照片。' : photoMessage(reply)));
        return;
      }
      showPhotos(box, reply.json.caseNo);
    });
  }
};
